// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Hides the password of a URL's user information before the URL goes into a message or a log.
enum URLRedaction {
    /// `scheme://user:***@host/…` when the URL carries a password; the URL unchanged otherwise.
    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let authorityStart = schemeEnd.upperBound
        let rest = url[authorityStart...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"),
            let colon = authority[..<at].firstIndex(of: ":")
        else { return url }
        return String(url[..<authority.index(after: colon)]) + "***" + String(url[at...])
    }
}
