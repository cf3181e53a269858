// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A `POST /_fake/faults` body: any subset of the ``FaultSettings`` fields, plus one-shot actions.
///
/// Example: `{"pteRate":0.3,"internalFailureRate":0.01,"delayMs":5}`, `{"refuseForSeconds":60}`,
/// `{"seed":7}`, `{"accessKey":"AKID2","secretKey":"…","sessionToken":null}`.
struct FaultUpdate: Sendable {
    /// The settings after the update.
    var settings: FaultSettings
    /// Stop listening for this many seconds.
    var refuseForSeconds: Double?
    /// Re-seed the fault generator.
    var seed: UInt64?
    /// New accepted access key, secret and session token (`.some(nil)` removes the token).
    var accessKey: String?
    /// New accepted secret key.
    var secretKey: String?
    /// New accepted session token; `.some(nil)` when the body has `"sessionToken": null`.
    var sessionToken: String??

    /// Why a body was refused.
    struct ParseError: Error, Sendable {
        /// What was wrong.
        let message: String
    }

    /// Applies a JSON object to `current`. Unknown keys are refused, to catch typos in tests.
    static func parse(_ body: [UInt8], current: FaultSettings) throws(ParseError) -> FaultUpdate {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw ParseError(message: "the body must be a JSON object")
            }
            object = parsed
        } catch let error as ParseError {
            throw error
        } catch {
            throw ParseError(message: "the body is not JSON: \(error)")
        }
        var update = FaultUpdate(settings: current)
        for (key, value) in object {
            try update.apply(key: key, value: value)
        }
        if let message = update.settings.validationError() {
            throw ParseError(message: message)
        }
        return update
    }

    private mutating func apply(key: String, value: Any) throws(ParseError) {
        switch key {
        case "pteRate": settings.pteRate = try Self.double(value, key)
        case "internalFailureRate": settings.internalFailureRate = try Self.double(value, key)
        case "serverErrorRate": settings.serverErrorRate = try Self.double(value, key)
        case "throttleRate": settings.throttleRate = try Self.double(value, key)
        case "resetRate": settings.resetRate = try Self.double(value, key)
        case "delayMs": settings.delayMs = try Self.integer(value, key)
        case "shardRecordsPerSecond": settings.shardRecordsPerSecond = try Self.integer(value, key)
        case "shardBytesPerSecond": settings.shardBytesPerSecond = try Self.integer(value, key)
        case "clockOffsetSeconds": settings.clockOffsetSeconds = try Self.double(value, key)
        case "checkSignature":
            guard let flag = value as? Bool else { throw ParseError(message: "checkSignature must be a boolean") }
            settings.checkSignature = flag
        case "refuseForSeconds":
            let seconds = try Self.double(value, key)
            guard seconds > 0, seconds <= 86_400 else {
                throw ParseError(message: "refuseForSeconds must be in (0, 86400]")
            }
            refuseForSeconds = seconds
        case "seed": seed = UInt64(clamping: try Self.integer(value, key))
        case "accessKey": accessKey = try Self.string(value, key)
        case "secretKey": secretKey = try Self.string(value, key)
        case "sessionToken": sessionToken = value is NSNull ? .some(nil) : .some(try Self.string(value, key))
        default: throw ParseError(message: "unknown field '\(key)'")
        }
    }

    private static func double(_ value: Any, _ key: String) throws(ParseError) -> Double {
        guard let number = value as? NSNumber else {
            throw ParseError(message: "\(key) must be a number")
        }
        return number.doubleValue
    }

    private static func integer(_ value: Any, _ key: String) throws(ParseError) -> Int {
        let number = try double(value, key)
        guard number == number.rounded(), abs(number) < 1e15 else {
            throw ParseError(message: "\(key) must be an integer")
        }
        return Int(number)
    }

    private static func string(_ value: Any, _ key: String) throws(ParseError) -> String {
        guard let text = value as? String, !text.isEmpty else {
            throw ParseError(message: "\(key) must be a non-empty string")
        }
        return text
    }
}
