import Foundation

/// Turns platform payloads into `InboundEvent`s.
///
/// Ids are always strings, whether the platform sent a number or a string. Each event's `raw` is
/// the smallest JSON object it was read from (a change's value, a message, a status, a tweet, a
/// comment), written compactly with sorted keys; an `unknown` event keeps the whole change or item,
/// so its field name survives.
public enum PayloadParser {
    /// Normalised events of a webhook body or polled API response. Throws only when the bytes are not JSON or not the envelope of `format`; a recognised envelope with unknown change types yields `.unknown` events (raw kept), never an error.
    public static func parse(_ data: Data, as format: PayloadFormat) throws(PayloadError) -> [InboundEvent] {
        switch format {
        case .meta: try MetaPageParser.parse(data)
        case .instagram: try InstagramParser.parse(data)
        case .whatsapp: try WhatsAppParser.parse(data)
        case .x: try XMentionsParser.parse(data, accountRef: nil).events
        case .youtube: try YouTubeCommentThreadsParser.parse(data, channelID: nil).events
        }
    }

    /// An X mentions timeline page, for the polling connector: the events (all with `accountRef`),
    /// `meta.newest_id` (the `since_id` of the next poll) and `meta.next_token` (the next older page).
    public static func parseXMentions(_ data: Data, accountRef: String) throws(PayloadError)
        -> (events: [InboundEvent], newestID: String?, nextToken: String?) {
        let page = try XMentionsParser.parse(data, accountRef: accountRef)
        return (page.events, page.newestID, page.nextToken)
    }

    /// A YouTube comment threads page, for the polling connector: the events (all with
    /// `accountRef` = `channelID` unless it is empty) and the `nextPageToken`.
    public static func parseYouTubeThreads(_ data: Data, channelID: String) throws(PayloadError)
        -> (events: [InboundEvent], nextPageToken: String?) {
        let page = try YouTubeCommentThreadsParser.parse(data, channelID: channelID)
        return (page.events, page.nextPageToken)
    }
}
