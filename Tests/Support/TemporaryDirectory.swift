import Foundation

/// A fresh directory under /tmp, removed when the test's value goes away.
public final class TemporaryDirectory {
    public let path: String

    public init() {
        var template = Array("/tmp/lanes-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func file(_ name: String) -> String { path + "/" + name }

    public func read(_ name: String) -> [UInt8] {
        (FileManager.default.contents(atPath: file(name)).map { [UInt8]($0) }) ?? []
    }

    public func write(_ name: String, _ bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: file(name), contents: Data(bytes))
    }
}
