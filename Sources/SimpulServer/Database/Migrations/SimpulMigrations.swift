import Fluent

/// The schema's history, oldest first: one file a migration in this folder, numbered in this
/// order. Never edit a migration that has landed: add a new file and a line here. Fluent
/// records each by its type name, so a type is never renamed either.
enum SimpulMigrations {
    static let all: [any AsyncMigration] = [
        CreateTenants(),
        CreateUnits(),
        CreateUsers(),
        CreateMemberships(),
        CreateAccounts(),
        CreateAuditEvents(),
        MakeAuditEventsAppendOnly(),
        CreateUserSessions(),
        CreateAPITokens(),
        CreateLoginAttempts(),
        AddAccountConnection(),
        CreateMessages(),
        CreateWebhookDeliveries(),
        CreatePollCursors(),
        CreateCompliance(),
        CreateContentItems(),
        AddMessageComplianceCheck(),
        AddMessageTriage(),
        CreateInboxThreads(),
        AddInboxAssignment(),
        CreateSavedReplies(),
        CreateSLASettings(),
        CreateRoutingRules(),
        DropAccountLastEventAt(),
        CreateMessageTags(),
        AddMessageResolution(),
        CreateThreadPresence(),
        CreateWhatsAppTemplates(),
        CreateJobs(),
        CreatePublishing(),
        CreateContentPlanning(),
        CreateNotifications(),
        CreateMediaLibrary(),
        CreateAccountHoldingPolicy(),
        CreateAmplificationTasks(),
        AddPublishAttemptHandle(),
        AddMediaPreview(),
        NarrowMessageIndexes(),
        CreateCases(),
        CreateListening(),
    ]
}
