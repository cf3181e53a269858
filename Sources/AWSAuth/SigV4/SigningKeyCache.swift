// SPDX-License-Identifier: Apache-2.0
import Crypto
import Synchronization

/// Remembers the last derived signing key of one signer. The key depends only on the secret, the
/// date, the region and the service; the last three are fixed per signer, so it changes once a day.
final class SigningKeyCache: Sendable {
    private struct Entry {
        let dateStamp: String
        let key: SymmetricKey
    }

    private let entry = Mutex<Entry?>(nil)

    /// Returns the cached key for `dateStamp`, or derives, stores and returns it.
    func key(for dateStamp: String, derive: (String) -> SymmetricKey) -> SymmetricKey {
        if let cached = entry.withLock({ $0 }), cached.dateStamp == dateStamp {
            return cached.key
        }
        let key = derive(dateStamp)
        entry.withLock { $0 = Entry(dateStamp: dateStamp, key: key) }
        return key
    }
}
