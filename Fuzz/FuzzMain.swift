/// libFuzzer entry point for long fuzzing runs of the event-log parser, fold and merge.
/// Built by Fuzz/run.sh together with the BoardModel and BoardStore sources as one module
/// (SwiftPM renames an executable's entry point, which clashes with libFuzzer's own main).
/// Any bytes, as one line, as a whole log and as a snapshot, must never crash, hang or trip ASan.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = try? LineCodec.decode(bytes)
    var log = Array((LineCodec.header + "\n").utf8)
    log.append(contentsOf: bytes)
    let merged = LogMerge.merge(base: log, ours: log, theirs: Array(bytes))
    var state = BoardState()
    state.apply(LogMerge.read(merged.bytes).events)
    var reader = SnapshotReader(UnsafeRawBufferPointer(bytes))
    if let snapshot = try? BoardState(snapshot: &reader, archive: Placeholders(count: size % 64)) {
        for number in snapshot.issues.keys { _ = snapshot.timelines[number] }
    }
    return 0
}

/// Events of a fuzzed snapshot, read back as placeholders.
struct Placeholders: EventArchive {
    let count: Int
    func event(at index: Int) -> Event {
        Event(id: EventID(UInt64(index)), at: Timestamp(milliseconds: 0), actor: "fuzz", issue: 1, kind: .commented(""))
    }
}
