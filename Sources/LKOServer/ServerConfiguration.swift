import Foundation

/// How `lko serve` runs.
public struct ServerConfiguration: Sendable {
    /// Where to listen: loopback by default; put nginx in front for anything else (docs/deploy.md).
    public var host: String
    /// 0 picks a free port (tests).
    public var port: Int
    /// The proxy in front terminates TLS and says so (`X-Forwarded-Proto: https`): cookies get
    /// `Secure` and the `__Host-` prefix.
    public var behindTLSProxy: Bool
    /// How often the server carries out due absence starts and ends (seconds).
    public var delegationInterval: TimeInterval
    /// The largest request body in general, and for a case import.
    public var maximumBody: Int
    public var maximumImportBody: Int
    /// Where signed audit checkpoints go (nil: the database path + `.checkpoints`), how often,
    /// and the signing key (nil: the database path + `.audit-key`).
    public var checkpointDirectory: String?
    public var checkpointInterval: TimeInterval = 15 * 60
    public var auditKeyPath: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, behindTLSProxy: Bool = false, delegationInterval: TimeInterval = 60,
                maximumBody: Int = 1 << 20, maximumImportBody: Int = 64 << 20) {
        self.host = host
        self.port = port
        self.behindTLSProxy = behindTLSProxy
        self.delegationInterval = delegationInterval
        self.maximumBody = maximumBody
        self.maximumImportBody = maximumImportBody
    }
}
