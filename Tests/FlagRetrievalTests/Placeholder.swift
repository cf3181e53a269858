import Testing

@Test func placeholderFlagRetrieval() { #expect(Bool(true)) }
