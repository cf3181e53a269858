// SPDX-License-Identifier: Apache-2.0
// Placeholder: replaced by the in-process evaluation benchmark.
print("eval-bench: not implemented yet")
