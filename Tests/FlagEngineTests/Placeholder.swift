import Testing

@Test func placeholderFlagEngine() { #expect(Bool(true)) }
