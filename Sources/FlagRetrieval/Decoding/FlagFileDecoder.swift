// SPDX-License-Identifier: Apache-2.0

import Events

/// Decodes a retrieved flag file into a ``FlagSet`` as GOFF's `ConvertToFlagStruct` does.
///
/// The document must be a mapping flag key → flag (or empty / `null`: no flags). Each flag must be a
/// mapping or `null` (a `null` flag is kept here and later dropped as invalid, as GOFF drops an empty
/// flag); any other value fails the whole file, as Go's decoder fails on a type mismatch.
///
/// TOML is not supported: the only TOML library in the local package mirror (LebJe/TOMLKit) is not a
/// dependency of this package, so ``FlagFileFormat/toml`` fails with
/// ``FlagRetrievalError/Code/unsupportedFormat``.
public enum FlagFileDecoder {
    /// The message of the TOML failure.
    public static let tomlUnsupportedMessage =
        "TOML flag files are not supported yet: use fileFormat yaml or json"

    /// Decodes `bytes` in `format`.
    /// - Parameters:
    ///   - bytes: The raw flag file.
    ///   - format: The file format.
    /// - Returns: The flags in document order.
    /// - Throws: ``FlagRetrievalError/Code/invalidFlagFile`` or ``FlagRetrievalError/Code/unsupportedFormat``.
    public static func decode(_ bytes: [UInt8], format: FlagFileFormat) throws(FlagRetrievalError) -> FlagSet {
        switch format {
        case .json:
            let document: JSONValue
            do {
                document = try JSONParser.parse(bytes)
            } catch {
                throw FlagRetrievalError(code: .invalidFlagFile, message: error.message)
            }
            return try flagSet(from: document, format: format)
        case .yaml:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw FlagRetrievalError(code: .invalidFlagFile, message: "yaml: invalid UTF-8 in the flag file")
            }
            var reader = YAMLValueReader()
            guard let document = try reader.read(text, schema: .flagFile) else { return FlagSet() }
            return try flagSet(from: document, format: format)
        case .toml:
            throw FlagRetrievalError(code: .unsupportedFormat, message: tomlUnsupportedMessage)
        }
    }

    /// The flags of a decoded document, checking the shapes Go's decoder insists on.
    static func flagSet(from document: JSONValue, format: FlagFileFormat) throws(FlagRetrievalError) -> FlagSet {
        switch document {
        case .null:
            return FlagSet()
        case .object(let object):
            var flags = FlagSet()
            for member in object.members {
                switch member.value {
                case .object, .null:
                    flags[member.key] = member.value
                default:
                    throw mismatch(member.value, expected: "dto.DTO", key: member.key, format: format)
                }
            }
            return flags
        default:
            throw mismatch(document, expected: "map[string]dto.DTO", key: nil, format: format)
        }
    }

    private static func mismatch(
        _ value: JSONValue, expected: String, key: String?, format: FlagFileFormat
    ) -> FlagRetrievalError {
        let place = key.map { " (flag \"\($0)\")" } ?? ""
        switch format {
        case .json:
            return FlagRetrievalError(
                code: .invalidFlagFile,
                message: "json: cannot unmarshal \(kindWord(value)) into Go value of type \(expected)\(place)")
        default:
            return FlagRetrievalError(
                code: .invalidFlagFile,
                message: "yaml: unmarshal errors: cannot unmarshal \(yamlTag(value)) into \(expected)\(place)")
        }
    }

    private static func kindWord(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private static func yamlTag(_ value: JSONValue) -> String {
        switch value {
        case .null: "!!null"
        case .bool: "!!bool"
        case .number(let number): number.rounded() == number ? "!!int" : "!!float"
        case .string: "!!str"
        case .array: "!!seq"
        case .object: "!!map"
        }
    }
}
