import Dispatch

/// Work split into parts that run on both cores at once, the caller waiting for all of them.
///
/// The `/` filter at a million issues reads 120 MB of text for a word's first letters and sets
/// a bit for each of hundreds of thousands of matches: the machine has two cores, and a part on
/// each halves the wait. The parts must share nothing they write.
enum BothCores {
    /// `body`'s result for each of `parts`, in order, the parts run at once.
    static func map<Part, Result>(_ parts: [Part], _ body: (Part) -> Result) -> [Result] {
        var results = [Result?](repeating: nil, count: parts.count)
        results.withUnsafeMutableBufferPointer { results in
            withoutActuallyEscaping(body) { body in
                // Each thread writes its own result; this one waits for all, so nothing handed
                // over outlives the call.
                let shared = UncheckedSendable((body, parts, results))
                DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                    let (body, parts, results) = shared.value
                    results[index] = body(parts[index])
                }
            }
        }
        return results.map { $0! }
    }

    /// Values that cross to the other thread of `map`, which waits for it.
    private struct UncheckedSendable<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
