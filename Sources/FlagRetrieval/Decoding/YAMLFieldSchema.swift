// SPDX-License-Identifier: Apache-2.0

/// The Go types of GOFF's flag DTO, as far as they change how `yaml.v3` reads a plain scalar.
///
/// `yaml.v3` decodes into typed fields, not into `interface{}`: a plain scalar decoded into a `string`
/// field keeps its text (`version: 1.0` is the string `"1.0"`, `variation: true` the string `"true"`), a
/// `bool` field also accepts YAML 1.1's words (`disable: yes`), and a `time.Time` field accepts
/// `yaml.v3`'s timestamp forms (`date: 2024-01-02`). The reader applies the same rules on these paths so
/// that the JSON handed to the engine means what GOFF would have understood; `variations`, `metadata`
/// and `percentage` stay generic (`interface{}` / numbers).
indirect enum YAMLFieldSchema: Sendable {
    /// `interface{}`: YAML 1.2 core resolution.
    case any
    /// A Go `string`.
    case string
    /// A Go `bool`.
    case bool
    /// A Go `time.Time`.
    case time
    /// A struct: known fields, others generic.
    case object([String: YAMLFieldSchema])
    /// A slice.
    case array(YAMLFieldSchema)
    /// A map with string keys.
    case map(YAMLFieldSchema)

    /// The schema of the element at `key` (objects and maps) or of every element (arrays).
    func child(_ key: String?) -> YAMLFieldSchema {
        switch self {
        case .object(let fields): key.flatMap { fields[$0] } ?? .any
        case .array(let element), .map(let element): element
        default: .any
        }
    }

    /// A flag file: flag key → flag.
    static let flagFile: YAMLFieldSchema = .map(flag)

    /// GOFF's `dto.DTO` (and the flag part of a scheduled step).
    static let flag: YAMLFieldSchema = .object(flagFields)

    private static let flagFields: [String: YAMLFieldSchema] = stepFields.merging([
        "scheduledRollout": .array(.object(stepFields.merging(["date": .time]) { $1 }))
    ]) { $1 }

    /// The flag fields a scheduled step may change.
    private static let stepFields: [String: YAMLFieldSchema] = [
        "trackEvents": .bool,
        "disable": .bool,
        "version": .string,
        "converter": .string,
        "bucketingKey": .string,
        "targeting": .array(rule),
        "defaultRule": rule,
        "experimentation": .object(["start": .time, "end": .time]),
    ]

    private static let rule: YAMLFieldSchema = .object([
        "name": .string,
        "query": .string,
        "variation": .string,
        "disable": .bool,
        "progressiveRollout": .object(["initial": rolloutStep, "end": rolloutStep]),
    ])

    private static let rolloutStep: YAMLFieldSchema = .object(["variation": .string, "date": .time])
}
