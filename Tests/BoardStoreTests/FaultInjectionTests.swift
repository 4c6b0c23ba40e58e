import Foundation
import Glibc
import Testing
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// Counts calls and fails the Nth one of one kind, the way a full disk or a dying disk would.
final class FaultPlan: @unchecked Sendable {
    enum Operation: String, CaseIterable, Sendable { case write, shortWrite, fsync, rename }
    let operation: Operation
    let failAt: Int
    let errorCode: Int32
    private let lock = NSLock()
    private var calls = 0
    private(set) var fired = false

    init(_ operation: Operation, failAt: Int, errorCode: Int32) {
        self.operation = operation
        self.failAt = failAt
        self.errorCode = errorCode
    }

    private func shouldFail(_ kind: Operation) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let counted = kind == operation || (kind == .write && operation == .shortWrite)
        guard counted else { return false }
        calls += 1
        if calls == failAt { fired = true; return true }
        return false
    }

    var layer: FileLayer {
        FileLayer(
            write: { fd, pointer, count in
                if self.shouldFail(.write) {
                    if self.operation == .shortWrite, count > 1 {
                        // Half the bytes land, then the disk is full.
                        _ = Glibc.write(fd, pointer, count / 2)
                    }
                    errno = self.errorCode
                    return -1
                }
                return Glibc.write(fd, pointer, count)
            },
            fsync: { fd in
                if self.shouldFail(.fsync) { errno = self.errorCode; return -1 }
                return Glibc.fsync(fd)
            },
            rename: { from, to in
                if self.shouldFail(.rename) { errno = self.errorCode; return -1 }
                return Glibc.rename(from, to)
            })
    }
}

@Suite struct FaultInjectionTests {
    static let cases: [(FaultPlan.Operation, Int, Int32)] = FaultPlan.Operation.allCases.flatMap { operation in
        (1...6).flatMap { n in [ENOSPC, EIO].map { (operation, n, $0) } }
    }

    /// For every write, fsync and rename among the first few, failing with ENOSPC or EIO: the
    /// error reaches the caller, the change is not reported saved, the log is never empty,
    /// truncated or left with half a line, and exactly the acknowledged changes are on disk.
    @Test(arguments: cases)
    func everyFailureIsReportedAndNothingIsHalfWritten(_ operation: FaultPlan.Operation, _ n: Int, _ code: Int32) throws {
        let dir = TemporaryDirectory()
        let location = BoardLocation(root: dir.path)
        let plan = FaultPlan(operation, failAt: n, errorCode: code)
        var acknowledged: [String] = []
        var errors: [BoardError] = []
        do {
            try EventLog.create(location, layer: plan.layer)
            let log = try EventLog.open(location)
            log.fileLayer = plan.layer
            for index in 0..<4 {
                let title = "change \(index)"
                do {
                    try log.commit([.create(title: title)], actor: "ann")
                    acknowledged.append(title)
                } catch {
                    errors.append(error)
                }
            }
        } catch {
            errors.append(error)
        }
        #expect(plan.fired || (operation == .rename && n > 2), "the fault was exercised")
        if plan.fired {
            #expect(!errors.isEmpty, "a failed \(operation) was reported")
            let reason = String(cString: strerror(code))
            #expect(errors.allSatisfy { $0.description.contains(reason) }, "\(errors)")
        }
        guard location.exists else {
            #expect(acknowledged.isEmpty, "no board file, so nothing can have been acknowledged")
            #expect(!FileManager.default.fileExists(atPath: location.eventsPath))
            return
        }
        let bytes = dir.read(".lanes/events")
        #expect(String(decoding: bytes.prefix(12), as: UTF8.self) == "lanes-log 1\n", "never empty or truncated")
        #expect(bytes.last == 10, "no half line left behind")
        let reopened = try EventLog.open(location)
        #expect(reopened.state.issues.values.map(\.title).sorted() == acknowledged.sorted(),
                "exactly the acknowledged changes: \(operation) #\(n)")
        #expect(try reopened.check().isEmpty)
        try reopened.commit([.create(title: "after the fault")], actor: "ann")
        #expect(try EventLog.open(location).state.issues.count == acknowledged.count + 1, "the next write works")
    }
}
