import ArgumentParser
import BoardStore
import Screen

/// `lanes access log`: what the gateway refused, oldest first.
struct AccessLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the attempts the SSH gateway refused (time, key, name, what).")

    @OptionGroup var access: AccessOptions

    func run() throws {
        let text = try PrivateFile.read(try access.location().accessLogPath) ?? ""
        if text.isEmpty { Output.print("nothing refused yet"); return }
        for line in text.split(separator: "\n") { Output.print(Sanitizer.line(String(line))) }
    }
}
