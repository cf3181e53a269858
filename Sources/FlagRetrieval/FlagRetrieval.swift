// SPDX-License-Identifier: Apache-2.0
// Placeholder; replaced by the module implementation.
enum FlagRetrievalModule {}
