// SPDX-License-Identifier: Apache-2.0

/// The owner thread's multi handle, as handed to other threads for one purpose: `curl_multi_wakeup`.
///
/// `@unchecked Sendable` because a raw pointer is not `Sendable`. Justification: libcurl documents
/// `curl_multi_wakeup` as the one multi-handle call that may be made from any thread; ``TransferQueue``
/// calls nothing else with it, only under its lock, and the owner thread withdraws it under the same lock
/// before `curl_multi_cleanup`, so it is never used once freed.
struct WakeHandle: @unchecked Sendable {
    /// The `CURLM *` handle.
    let multi: UnsafeMutableRawPointer
}
