// SPDX-License-Identifier: Apache-2.0

/// The literal on the right of a comparison, typed by its token as nikunjy/rules types it.
enum NikunjyLiteral: Sendable {
    case bool(Bool)
    case null
    case version(String)
    /// The raw text between the quotes (escapes are not decoded), lower-cased once with Go's `strings.ToLower`
    /// (every string comparison lower-cases both sides).
    case string(lowered: [UInt8])
    /// `nil` when `strconv.ParseFloat` fails (out of range).
    case double(Double?)
    /// `nil` when `strconv.ParseInt` fails (out of range, or an exponent): the whole query fails.
    case long(Int64?)
    case ints([Int64]?)
    case doubles([Double]?)
    /// The raw UTF-8 bytes of each item (`in` compares bytes exactly).
    case strings([[UInt8]])
}
