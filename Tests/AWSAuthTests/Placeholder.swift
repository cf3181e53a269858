import Testing

@Test func placeholderAWSAuth() { #expect(Bool(true)) }
