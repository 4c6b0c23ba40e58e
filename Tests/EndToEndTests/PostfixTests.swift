import Foundation
import Testing

/// A real mail server delivering to `lanes intake`: Postfix (installed by `.ci/run`) with a local
/// alias that pipes to it, mail sent with `sendmail`. Then the same with a full disk: Postfix
/// defers the message on exit 75 and delivers it, once, when there is room again.
///
/// Postfix runs the alias's command as `default_privs` (nobody), so the board belongs to nobody
/// and lives on a 512 KB tmpfs the test can fill. The system's main.cf is restored and Postfix
/// stopped at the end.
///
/// Everything runs through `Spawn` (output to files, never pipes), and Postfix starts with every
/// descriptor above 2 closed: a mail daemon that inherited the pipes of tests running beside
/// this one would keep their reads from ever ending.
@Suite(.serialized) struct PostfixTests {
    static let available = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/postfix")
        && FileManager.default.isExecutableFile(atPath: "/usr/sbin/sendmail")

    /// `command` with at most 60 s to finish (a loaded machine can take many seconds to start
    /// Postfix): a hung mail command fails the test instead of holding the whole suite.
    func run(_ command: String) -> (status: Int32, output: String) {
        Spawn.run("timeout 60 sh -c " + Tmux.quote(command))
    }

    @Test(.enabled(if: available, "needs root and Postfix (apt-get install postfix; .ci/run installs it)"))
    func postfixDeliversReportsAndThreadedRepliesAndDefersThemWhileTheDiskIsFull() throws {
        guard run("/usr/sbin/postfix status").status != 0 else {
            Issue.record("Postfix is already running here; the test does not take over a running mail server")
            return
        }
        let scratch = Scratch()
        let board = scratch.path + "/board"
        try FileManager.default.createDirectory(atPath: board, withIntermediateDirectories: true)
        _ = run("chmod 755 '\(scratch.path)'")
        #expect(run("mount -t tmpfs -o size=512k,mode=755 tmpfs '\(board)'").status == 0)
        defer { _ = run("umount '\(board)'") }
        /// `lanes ARGUMENTS`, its stdout only.
        func lanes(_ arguments: [String]) -> (status: Int32, output: String) {
            run("{ HOME='\(scratch.path)' LANES_USER=ann '\(LanesProcess.binary)' " + arguments.map { "'\($0)'" }.joined(separator: " ")
                      + " 2>/dev/null; }")
        }
        #expect(lanes(["init", board]).status == 0)
        _ = run("chown -R nobody '\(board)'")

        // Postfix: local delivery only, our alias file, mail for "lanes" piped to intake.
        let aliases = scratch.path + "/aliases"
        try "lanes: \"|\(LanesProcess.binary) intake --board \(board)\"\n".write(toFile: aliases, atomically: true, encoding: .utf8)
        #expect(run("cp /etc/postfix/main.cf '\(scratch.path)/main.cf.saved'").status == 0)
        defer {
            _ = run("/usr/sbin/postfix stop; cp '\(scratch.path)/main.cf.saved' /etc/postfix/main.cf; /usr/sbin/postsuper -d ALL")
        }
        let setup = run("""
            postconf -e 'alias_maps = hash:\(aliases)' 'alias_database = hash:\(aliases)' 'default_privs = nobody' \
              'inet_interfaces = loopback-only' 'minimal_backoff_time = 1s' \
              'maillog_file_prefixes = /var, /tmp' 'maillog_file = \(scratch.path)/maillog' \
              'maximal_backoff_time = 2s' 'queue_run_delay = 1s' && postalias '\(aliases)' && \
            bash -c 'for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done; exec /usr/sbin/postfix start'
            """)
        #expect(setup.status == 0, "\(setup.output)")

        func send(_ message: String) {
            let file = scratch.path + "/outgoing.eml"
            try? message.write(toFile: file, atomically: true, encoding: .utf8)
            let sent = run("{ /usr/sbin/sendmail -f ana@example.com lanes < '\(file)'; }")
            #expect(sent.status == 0, "\(sent.output)")
        }
        func issues() -> [[String: Any]] {
            let list = lanes(["list", "--board", board, "--format", "json"])
            return ((try? json(list.output)) as? [[String: Any]]) ?? []
        }
        /// Waits as long as a loaded machine may take (before, 10 s).
        func waitFor(_ what: String, _ condition: () -> Bool) {
            let happened = eventually(interval: 0.2, condition)
            #expect(happened, "Postfix did not deliver: \(what); its log says:\n\(scratch.contents("maillog"))")
        }
        func timeline(_ number: Int) -> String { lanes(["show", String(number), "--board", board]).output }

        send("From: Ana Lima <ana@example.com>\nTo: lanes\nSubject: VPN drops every hour\nMessage-ID: <vpn-1@example.com>\n\nThe VPN disconnects every hour.\n")
        waitFor("the report") { issues().count == 1 }
        #expect(issues().first?["title"] as? String == "VPN drops every hour")
        #expect(issues().first?["reporter"] as? String == "Ana Lima <ana@example.com>")

        send("From: Ana Lima <ana@example.com>\nTo: lanes\nSubject: Re: VPN drops every hour\nIn-Reply-To: <vpn-1@example.com>\nMessage-ID: <vpn-2@example.com>\n\nAlso at home.\n\nOn Mon, Support wrote:\n> Since when?\n")
        waitFor("the threaded reply") { timeline(1).contains("Also at home.") }
        #expect(timeline(1).contains("ana@example.com  commented"))
        #expect(issues().count == 1)

        // The disk fills: intake exits 75, Postfix keeps the message and retries.
        _ = run("dd if=/dev/zero of='\(board)/filler' bs=4k 2>/dev/null")
        func deferrals() -> Int { scratch.contents("maillog").components(separatedBy: "status=deferred").count - 1 }
        let deferredBefore = deferrals()
        send("From: Bob <bob@example.net>\nTo: lanes\nSubject: Printer out of toner\nMessage-ID: <toner@example.net>\n\n"
             + String(repeating: "No toner on floor 3; the printer shows a red light.\n", count: 200))
        // The delivery tried and put off (before, the message was only seen in the queue, where
        // it also is before the first try, and 1.5 s were given to that try).
        waitFor("the deferral") {
            deferrals() > deferredBefore || run("postqueue -p").output.contains("temporary failure")
        }
        #expect(issues().count == 1, "nothing filed while the disk is full")
        #expect(run("postqueue -p").output.contains("lanes"), "the message waits in Postfix's queue")
        _ = run("rm -f '\(board)/filler'")
        _ = run("postqueue -f")
        // Once the queue is empty no delivery can come after: "exactly once" is then certain
        // (before, it was looked at 1.5 s after the first one was filed).
        waitFor("the deferred message once there is room, and nothing left to deliver") {
            issues().count >= 2 && run("postqueue -p").output.contains("Mail queue is empty")
        }
        #expect(issues().filter { $0["title"] as? String == "Printer out of toner" }.count == 1, "filed exactly once")
        #expect(!run("postqueue -p").output.contains("toner"))
    }
}
