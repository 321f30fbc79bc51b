/// A token as it stands in the original text, before normalisation.
public struct RawToken: Equatable, Sendable {
    public var kind: TokenKind
    public var surface: String
    public var span: TextSpan
    public var sentence: Int
    /// Which clause: sentences and also commas, colons, semicolons, dashes and brackets part them.
    public var clause: Int
    public var quoted: Bool
}

/// Splits social-media text into words, numbers, links, mentions, hashtags and emoji, keeping
/// each token's place in the original (in Unicode scalars) and which sentence it belongs to.
/// Works on any script: letters are whatever Unicode calls alphabetic.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [RawToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [RawToken] = []
        tokens.reserveCapacity(scalars.count / 5 + 1)
        var state = ScanState()
        var index = 0
        let count = scalars.count

        func emit(_ kind: TokenKind, _ start: Int, _ end: Int) {
            var surface = String.UnicodeScalarView()
            surface.append(contentsOf: scalars[start..<end])
            tokens.append(RawToken(kind: kind, surface: String(surface), span: TextSpan(start: start, end: end),
                                   sentence: state.sentence, clause: state.clause, quoted: state.quoteDepth > 0))
            state.sawTokenInSentence = true
            state.sawTokenInClause = true
        }

        while index < count {
            let scalar = scalars[index]
            if let end = urlEnd(scalars, at: index) {
                emit(.url, index, end)
                index = end
            } else if (scalar == "@" || scalar == "#"), index + 1 < count, isHandleScalar(scalars[index + 1]),
                      index == 0 || !isWordScalar(scalars[index - 1]) {
                var end = index + 1
                while end < count, isHandleScalar(scalars[end]) || (scalar == "@" && scalars[end] == "."
                        && end + 1 < count && isHandleScalar(scalars[end + 1])) {
                    end += 1
                }
                emit(scalar == "@" ? .mention : .hashtag, index, end)
                index = end
            } else if isWordScalar(scalar) {
                let end = wordEnd(scalars, from: index)
                // "diusir!!1!": a "1" typed inside a run of exclamation marks is one of them.
                if index > 0, scalars[index - 1] == "!", end == count || scalars[end] == "!",
                   scalars[index..<end].allSatisfy({ $0 == "1" }) {
                    index = end
                    continue
                }
                let allDigits = scalars[index..<end].allSatisfy { isDigit($0) || $0 == "." || $0 == "," }
                emit(allDigits || isNumberLike(scalars[index..<end]) ? .number : .word, index, end)
                index = end
            } else if isEmojiStart(scalar) {
                var end = index + 1
                while end < count, isEmojiContinuation(scalars[end]) || (scalars[end - 1] == "\u{200D}" && isEmojiStart(scalars[end])) {
                    end += 1
                }
                emit(.emoji, index, end)
                index = end
            } else {
                state.punctuation(scalars, at: index)
                index += 1
            }
        }
        return tokens
    }

    /// Sentence and quotation bookkeeping between tokens.
    private struct ScanState {
        var sentence = 0
        var clause = 0
        var sawTokenInSentence = false
        var sawTokenInClause = false
        var quoteDepth = 0

        /// "Bambang P. korupsi": a capital letter alone before a dot and a word in lower case is
        /// an initial, not a sentence end.
        static func isInitial(_ scalars: [Unicode.Scalar], dotAt index: Int) -> Bool {
            guard index >= 1, scalars[index - 1].properties.isUppercase, isLetter(scalars[index - 1]),
                  index < 2 || !isWordScalar(scalars[index - 2]) else { return false }
            var next = index + 1
            while next < scalars.count, scalars[next] == " " { next += 1 }
            guard next > index + 1, next < scalars.count else { return false }
            return scalars[next].properties.isLowercase
        }

        mutating func endClause() {
            if sawTokenInClause {
                clause += 1
                sawTokenInClause = false
            }
        }

        mutating func punctuation(_ scalars: [Unicode.Scalar], at index: Int) {
            let scalar = scalars[index]
            switch scalar {
            case "." where Self.isInitial(scalars, dotAt: index):
                break
            case ".", "!", "?", "\n", "…":
                if sawTokenInSentence {
                    sentence += 1
                    sawTokenInSentence = false
                }
                endClause()
            case ",", ";", ":", "–", "—", "(", ")":
                endClause()
            case "\"":
                quoteDepth = quoteDepth > 0 ? quoteDepth - 1 : 1
            case "“", "«", "„":
                quoteDepth += 1
            case "”", "»":
                quoteDepth = max(0, quoteDepth - 1)
            case "'", "‘", "’":
                // An apostrophe inside a word never reaches here (the word scanner keeps it), so
                // a single quote here opens after a space and closes before one.
                let before = index == 0 ? " " : scalars[index - 1]
                let after = index + 1 < scalars.count ? scalars[index + 1] : " "
                if !isWordScalar(before), isWordScalar(after) || after == "@" || after == "#" {
                    quoteDepth += 1
                } else if quoteDepth > 0 {
                    quoteDepth -= 1
                }
            default:
                break
            }
        }
    }

    // MARK: Character classes

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if scalar.properties.isEmojiPresentation { return false }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || isDigit(scalar)
    }

    static func isHandleScalar(_ scalar: Unicode.Scalar) -> Bool {
        isWordScalar(scalar) || scalar == "_"
    }

    /// A word runs over letters and digits, and over a hyphen or apostrophe that has word
    /// characters on both sides ("anak-anak", "jum'at"), or a dot or comma between digits ("1.500").
    private static func wordEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start + 1
        while end < scalars.count {
            let scalar = scalars[end]
            if isWordScalar(scalar) {
                end += 1
            } else if end + 1 < scalars.count, isWordScalar(scalars[end + 1]),
                      scalar == "-" || scalar == "'" || scalar == "’"
                      || ((scalar == "." || scalar == ",") && isDigit(scalars[end - 1]) && isDigit(scalars[end + 1])) {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// "2x24", "24/7" style counts: digits with only an x between them.
    private static func isNumberLike(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first, let last = scalars.last, isDigit(first), isDigit(last) else { return false }
        return scalars.allSatisfy { isDigit($0) || $0 == "x" || $0 == "X" }
    }

    private static func urlEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard index == 0 || !isWordScalar(scalars[index - 1]) else { return nil }
        let prefixes: [String] = ["https://", "http://", "www."]
        var matched = false
        for prefix in prefixes where index + prefix.unicodeScalars.count <= scalars.count {
            var equal = true
            for (offset, expected) in prefix.unicodeScalars.enumerated() {
                let actual = scalars[index + offset]
                let lowered = actual.value < 0x80 ? Unicode.Scalar(UInt8(actual.value) | (isLetter(actual) ? 0x20 : 0)) : actual
                if lowered != expected { equal = false; break }
            }
            if equal { matched = true; break }
        }
        guard matched else { return nil }
        var end = index
        while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
        // Closing punctuation belongs to the sentence, not the link.
        while end > index, [".", ",", "!", "?", ")", "\"", "'", "”", ";", ":"].contains(scalars[end - 1]) { end -= 1 }
        return end
    }

    private static func isEmojiStart(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isEmojiPresentation { return true }
        // Text-default emoji such as ❤ count when they are pictographs, not digits or '#'.
        return properties.isEmoji && scalar.value >= 0x2000
    }

    private static func isEmojiContinuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0x200D || value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(value) || scalar.properties.isEmojiModifier
            || (0xE0020...0xE007F).contains(value)
    }
}
