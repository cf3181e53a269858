// SPDX-License-Identifier: Apache-2.0
import ArgumentParser

/// `--record-format base64|binary`.
extension RecordFileWriter.Format: ExpressibleByArgument {}
