import BoardModel

extension SearchText {
    /// The build's copy of every title and description into `Bytes`, each slot's start and
    /// letters written as its texts are copied.
    ///
    /// At a million issues the copy took about a second on one core, a third of it reading the
    /// descriptions back from the cache as `String`s through one shared window. On both cores,
    /// each half of the slots is copied by its own thread into its own part of one buffer, the
    /// stored texts read through a window of the thread's own (`StoredTextScan`) and handed over
    /// as bytes. The parts' sizes are counted first, on both cores as well, from what the issues
    /// hold without reading a text (a held string's UTF-8 count, a stored text's span): the buffer
    /// is made once at its size, never a second copy of the text at the peak.
    struct Copy {
        let issues: UnsafeBufferPointer<Issue>
        let starts: UnsafeMutableBufferPointer<Int32>
        let letters: UnsafeMutableBufferPointer<UInt64>

        /// On this thread, the buffer grown as the texts are copied.
        func onOneCore() -> Bytes {
            let bytes = Bytes(capacity: issues.count * 64)
            // With no end to keep to, the copy always ends.
            let end = copy(issues.indices, into: bytes, from: 0, end: nil) ?? 0
            return sealed(bytes, at: end)
        }

        /// Each half on a core of its own; nil if a half's texts came out longer or shorter than
        /// counted (a cache file changed in place: its texts are repaired, or read as empty).
        func onBothCores() -> Bytes? {
            let middle = issues.count / 2
            let halves = [0..<middle, middle..<issues.count]
            let sizes = BothCores.map(halves, counted)
            let bytes = Bytes(capacity: sizes[0] + sizes[1])
            let parts = [(halves[0], 0, sizes[0]), (halves[1], sizes[0], sizes[0] + sizes[1])]
            let ends = BothCores.map(parts) { slots, start, end in copy(slots, into: bytes, from: start, end: end) }
            guard ends == parts.map(\.2) else { return nil }
            return sealed(bytes, at: parts[1].2)
        }

        private func sealed(_ bytes: Bytes, at end: Int) -> Bytes {
            bytes.seal(count: end)
            starts[issues.count] = Int32(end)
            return bytes
        }

        /// The bytes `slots`' texts take in the buffer, each as held or as stored, and a 0 byte after it.
        private func counted(_ slots: Range<Int>) -> Int {
            func count(_ text: IssueBody) -> Int {
                switch text {
                case .held(let text): text.utf8.count
                case .stored(_, let span): StoredTexts.place(of: span).length
                }
            }
            return slots.reduce(0) { total, slot in total + count(issues[slot].storedTitle) + count(issues[slot].storedBody) + 2 }
        }

        /// Copies `slots`' texts into `bytes` from `position`, growing it if `end` is nil; returns
        /// where they end, or nil if they would pass `end`.
        private func copy(_ slots: Range<Int>, into bytes: Bytes, from position: Int, end: Int?) -> Int? {
            var reader = TextReader()
            var position = position
            func append(_ text: IssueBody) -> UInt64? {
                reader.withUTF8(text) { source in
                    let next = position + source.count + 1
                    if let end {
                        guard next <= end else { return nil }
                    } else {
                        bytes.reserve(next)
                    }
                    defer { position = next }
                    return bytes.writeFolded(source, at: position)
                }
            }
            for slot in slots {
                starts[slot] = Int32(position)
                guard let title = append(issues[slot].storedTitle), let body = append(issues[slot].storedBody) else { return nil }
                letters[slot] = title | body
            }
            return position
        }
    }

    /// The UTF-8 of titles and descriptions for one thread: stored ones through a scan of the
    /// thread's own, held ones as they are.
    private struct TextReader {
        private var texts: StoredTexts?
        private var scan: (any StoredTextScan)?

        mutating func withUTF8<Result>(_ text: IssueBody, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            switch text {
            case .held(var text):
                return text.withUTF8(body)
            case .stored(let texts, let span):
                if self.texts !== texts { (self.texts, scan) = (texts, texts.scan()) }
                if let bytes = scan!.utf8(span) { return body(bytes) }
                var text = text.text
                return text.withUTF8(body)
            }
        }
    }
}
