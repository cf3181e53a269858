// SPDX-License-Identifier: Apache-2.0

/// Turns a merged (file + environment) ``ConfigNode`` tree into a ``RelayConfiguration``, collecting
/// every error and warning instead of stopping at the first.
///
/// Invariant: a setting that fails to decode is left at its default and an error is recorded, so
/// the result is only meaningful when ``diagnostics`` holds no error.
struct ConfigDecoder {
    /// The file used in diagnostics.
    let file: String?
    /// Everything found so far, in discovery order.
    private(set) var diagnostics: [ConfigDiagnostic] = []
    /// Prepended to error messages (GOFF's `exporter at index <i> validation failed: `).
    var errorPrefix = ""

    init(file: String?) {
        self.file = file
    }

    /// Number of errors recorded so far.
    var errorCount: Int { diagnostics.count { $0.severity == .error } }

    /// Records an error about `keyPath`, located by `origin`.
    mutating func error(_ message: String, at keyPath: String, origin: ConfigOrigin) {
        report(.error, errorPrefix + message, at: keyPath, origin: origin)
    }

    /// Records a warning about `keyPath`, located by `origin`.
    mutating func warning(_ message: String, at keyPath: String, origin: ConfigOrigin) {
        report(.warning, message, at: keyPath, origin: origin)
    }

    private mutating func report(
        _ severity: ConfigDiagnostic.Severity, _ message: String, at keyPath: String, origin: ConfigOrigin
    ) {
        var diagnostic = ConfigDiagnostic(file: file, keyPath: keyPath, message: message, severity: severity)
        switch origin {
        case .file(let line, let column):
            diagnostic.line = line
            diagnostic.column = column
        case .environment(let variable):
            diagnostic.environmentVariable = variable
        case .none:
            break
        }
        diagnostics.append(diagnostic)
    }

    /// `parent.key`, or `key` at the top level.
    static func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    /// Warns about the keys of `node` that are unknown, not used yet, or duplicates ignoring case.
    /// `special` may supply a message for a key instead (return `nil` to fall through).
    mutating func checkKeys(
        of node: ConfigNode, at keyPath: String, specs: [ConfigSchema.KeySpec],
        special: (String) -> String? = { _ in nil }
    ) {
        let entries = node.entries ?? []
        for (position, entry) in entries.enumerated() {
            let path = Self.join(keyPath, entry.key)
            if let message = special(entry.key) {
                warning(message, at: path, origin: entry.keyOrigin)
                continue
            }
            guard let spec = ConfigSchema.spec(named: entry.key, in: specs) else {
                warning("unknown key; ignored", at: path, origin: entry.keyOrigin)
                continue
            }
            if let chosen = ConfigNode.position(of: spec.name, in: entries), chosen != position {
                warning(
                    "\"\(entry.key)\" and \"\(entries[chosen].key)\" are the same key (keys match ignoring case); "
                        + "this one is ignored",
                    at: path, origin: entry.keyOrigin)
                continue
            }
            if spec.usage == .notYetUsed, !entry.value.isNull {
                warning("accepted, not used by goff-relay yet", at: path, origin: entry.keyOrigin)
            }
        }
    }
}
