// SPDX-License-Identifier: Apache-2.0
import Foundation
import Synchronization

/// The offset between AWS's clock and ours, learnt from responses' `Date` headers, so requests are
/// signed with AWS's notion of now (SigV4 accepts about ±5 minutes).
///
/// Feed it every response's `Date` header with ``observe(dateHeader:localNow:skewError:)`` and sign
/// with ``now()``:
/// ```swift
/// let skew = ClockSkew()
/// let date = skew.now()                      // sign with this
/// // … send, then:
/// skew.observe(dateHeader: response.header("Date"), localNow: Date(), skewError: false)
/// ```
/// The offset follows the measurement in both directions: a measured offset beyond ``threshold``
/// (or any measurement taken from a skew error) replaces it, and a measurement within the threshold
/// resets it to zero, so a clock that was fixed stops being corrected (the aws-sdk-go-v2 #3187 bug).
/// Small offsets are ignored because `Date` has one-second resolution and includes network delay.
public final class ClockSkew: Sendable {
    /// Error codes that always mean the signing time was outside AWS's window.
    public static let skewErrorCodes: Set<String> = ["RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture"]
    /// Error codes that mean clock skew only when the message says so (they also cover wrong keys).
    public static let ambiguousSkewErrorCodes: Set<String> = [
        "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
    ]

    /// Offsets of at most this many seconds (either way) count as no skew.
    public let threshold: TimeInterval
    private let localClock: @Sendable () -> Date
    private let offsetSeconds: Mutex<TimeInterval>

    /// Creates a tracker with no offset.
    /// - Parameters:
    ///   - threshold: The dead band, in seconds; 60 by default.
    ///   - localClock: The local clock that ``now()`` corrects; `Date()` by default.
    public init(threshold: TimeInterval = 60, localClock: @escaping @Sendable () -> Date = { Date() }) {
        self.threshold = threshold
        self.localClock = localClock
        self.offsetSeconds = Mutex(0)
    }

    /// Server time minus local time, in seconds, as currently applied (0 when within the threshold).
    public var offset: TimeInterval {
        offsetSeconds.withLock { $0 }
    }

    /// The corrected time: the local clock plus ``offset``. Sign every attempt with it.
    public func now() -> Date {
        correct(localClock())
    }

    /// A local time shifted by ``offset``.
    public func correct(_ localDate: Date) -> Date {
        localDate.addingTimeInterval(offset)
    }

    /// Updates the offset from a server's date.
    /// - Parameters:
    ///   - serverDate: The response's `Date`.
    ///   - localNow: The local time at which the response arrived.
    ///   - skewError: Whether the response was a clock-skew error (see ``isSkewError(code:message:)``);
    ///     then the measured offset is applied even when within the threshold.
    /// - Returns: The offset now applied, in seconds.
    @discardableResult
    public func observe(serverDate: Date, localNow: Date, skewError: Bool = false) -> TimeInterval {
        let measured = serverDate.timeIntervalSince(localNow)
        let applied = abs(measured) > threshold || skewError ? measured : 0
        offsetSeconds.withLock { $0 = applied }
        return applied
    }

    /// Updates the offset from a response's `Date` header value.
    /// - Parameters:
    ///   - dateHeader: The header value (`Sun, 06 Nov 1994 08:49:37 GMT`), or `nil` when absent.
    ///   - localNow: The local time at which the response arrived.
    ///   - skewError: Whether the response was a clock-skew error.
    /// - Returns: `false` (offset unchanged) when the header is missing or unparsable.
    @discardableResult
    public func observe(dateHeader: String?, localNow: Date, skewError: Bool = false) -> Bool {
        guard let dateHeader, let serverDate = HTTPDate.parse(dateHeader) else { return false }
        observe(serverDate: serverDate, localNow: localNow, skewError: skewError)
        return true
    }

    /// Whether an AWS error means the request's signing time was outside the accepted window.
    ///
    /// `RequestTimeTooSkewed`, `RequestExpired` and `RequestInTheFuture` always do;
    /// `InvalidSignatureException`, `SignatureDoesNotMatch` and `AuthFailure` only when the message
    /// says `Signature expired`, `not yet current` or `skew` (otherwise the keys are wrong).
    /// - Parameters:
    ///   - code: The error code, with any `namespace#` prefix already removed.
    ///   - message: The error message, if any.
    public static func isSkewError(code: String, message: String?) -> Bool {
        if skewErrorCodes.contains(code) { return true }
        guard ambiguousSkewErrorCodes.contains(code), let message = message?.lowercased() else { return false }
        return message.contains("signature expired") || message.contains("not yet current")
            || message.contains("skew")
    }
}
