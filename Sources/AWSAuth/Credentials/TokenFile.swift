// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reading a token file: the whole file, blanks and line ends around it removed.
enum TokenFile {
    static func read(_ path: String, variable: String, what: String) throws(CredentialError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CredentialError(
                code: .fileUnreadable, variable: variable, message: "cannot read the \(what) file \(path) (\(variable))"
            )
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            throw CredentialError(
                code: .fileUnreadable, variable: variable, message: "the \(what) file \(path) (\(variable)) is empty")
        }
        return token
    }
}
