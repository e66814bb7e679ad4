import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LKOApplication
import LKOMessages

/// A small synchronous JSON client for the API of `lko serve` (`/api/v1`), over Foundation's
/// `URLSession`. Answers with a status of 400 and above carrying `{"error":{…}}` become the
/// server's ``AppError``; a server that cannot be reached becomes a ``CommandFailure`` that
/// says so.
final class HTTPClient {
    /// The server's root, e.g. `http://127.0.0.1:8080` (no trailing slash, no `/api/v1`).
    let base: URL
    var token: String?
    let timeout: TimeInterval
    private let session: URLSession

    static let defaultTimeout: TimeInterval = 30

    init(base: URL, token: String?, timeout: TimeInterval = HTTPClient.defaultTimeout) {
        self.base = base
        self.token = token
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = max(timeout, 600)
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Parses what a person typed for `--server`: `http(s)://host[:port][/prefix]`, with or
    /// without a trailing `/` or `/api/v1`.
    static func serverURL(_ text: String) throws -> URL {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.hasSuffix("/api/v1") { trimmed.removeLast("/api/v1".count) }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host?.isEmpty == false,
              url.query == nil, url.fragment == nil else {
            throw CommandFailure(message: L(.cliServerAddress, ["text": text]), exitCode: .usage)
        }
        return url
    }

    struct Query {
        var items: [URLQueryItem] = []
        mutating func add(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { items.append(URLQueryItem(name: name, value: value)) }
        }
    }

    /// One path segment, escaped (case numbers and logins come from people).
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%;")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `GET`s or `POST`s `/api/v1` + `path` and decodes the answer (nothing for 204).
    func call<Answer: Decodable>(_ method: String, _ path: String, query: Query = Query(), body: (some Encodable)? = Optional<Empty>.none,
                                 as type: Answer.Type, accepting extra: Set<Int> = [], timeout: TimeInterval? = nil) throws -> Answer {
        var data: Data?
        if let body { data = try JSONEncoder().encode(body) }
        let (status, answer) = try send(method, path, query: query, body: data, contentType: data == nil ? nil : "application/json", timeout: timeout)
        guard (200..<300).contains(status) || extra.contains(status) else { throw failure(status: status, body: answer) }
        if Answer.self == Empty.self { return Empty() as! Answer }
        do {
            return try JSONDecoder().decode(Answer.self, from: answer)
        } catch {
            throw CommandFailure(message: L(.cliServerUnreadableAnswer, ["address": base.absoluteString, "request": "\(method) \(path)", "reason": "\(error)"]))
        }
    }

    /// Sends one request and waits for the answer: the status and the body.
    func send(_ method: String, _ path: String, query: Query = Query(), body: Data?, contentType: String?, timeout: TimeInterval? = nil) throws -> (Int, Data) {
        guard var components = URLComponents(url: base.appendingPathComponent("api/v1"), resolvingAgainstBaseURL: false) else {
            throw CommandFailure(message: L(.cliServerBadAddress, ["address": base.absoluteString]), exitCode: .usage)
        }
        components.percentEncodedPath += path
        if !query.items.isEmpty { components.queryItems = query.items }
        guard let url = components.url else { throw CommandFailure(message: L(.cliServerBadRequest, ["path": path])) }
        var request = URLRequest(url: url, timeoutInterval: timeout ?? self.timeout)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("lko-cli/\(LKOVersion.current)", forHTTPHeaderField: "User-Agent")
        if let token, !token.isEmpty { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        request.httpBody = body

        let box = AnswerBox()
        let semaphore = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.data = data
            box.response = response
            box.error = error
            semaphore.signal()
        }
        task.resume()
        semaphore.wait()
        if let error = box.error { throw unreachable(error, timeout: timeout ?? self.timeout) }
        guard let response = box.response as? HTTPURLResponse else {
            throw CommandFailure(message: L(.cliServerNoAnswer, ["address": base.absoluteString]))
        }
        return (response.statusCode, box.data ?? Data())
    }

    /// `{"error":{code,message,field,details}}` as the ``AppError`` the service threw; the kind
    /// from the status, as the server chose it.
    func failure(status: Int, body: Data) -> any Error {
        struct Document: Decodable {
            struct Inner: Decodable {
                var code: String
                var message: String
                var field: String?
                var details: [String]?
            }
            var error: Inner
        }
        guard let document = try? JSONDecoder().decode(Document.self, from: body) else {
            let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return CommandFailure(message: L(.cliServerHTTPStatus, ["address": base.absoluteString, "status": "\(status)", "text": text.isEmpty ? "" : ": \(text)"]))
        }
        let kind: AppError.Kind = switch status {
        case 401: .unauthenticated
        case 403: .forbidden
        case 404: .notFound
        case 409: .conflict
        case 423: .locked
        case 503: .busy
        default: .invalid
        }
        if status >= 500 {
            return CommandFailure(message: L(.cliServerFailed, ["address": base.absoluteString, "status": "\(status)", "reason": document.error.message]))
        }
        var error = AppError(kind, code: document.error.code, message: document.error.message, field: document.error.field, details: document.error.details ?? [])
        // The server says it in Russian; a message without arguments is found again in the
        // catalog by its code, so that LKO_LANG=en reads the same over a server as locally.
        if let key = MessageKey.argumentless(code: document.error.code), Messages.template(key, .ru) == document.error.message {
            error.text = Message(key)
        }
        return error
    }

    func unreachable(_ error: any Error, timeout: TimeInterval) -> CommandFailure {
        let reason: String
        switch (error as? URLError)?.code {
        case .timedOut?: reason = L(.cliNetTimeout, ["seconds": "\(Int(timeout))"])
        case .cannotConnectToHost?: reason = L(.cliNetRefused)
        case .cannotFindHost?, .dnsLookupFailed?: reason = L(.cliNetUnknownHost)
        case .networkConnectionLost?: reason = L(.cliNetLost)
        case .secureConnectionFailed?, .serverCertificateUntrusted?, .serverCertificateHasBadDate?, .serverCertificateHasUnknownRoot?:
            reason = L(.cliNetTLS, ["reason": error.localizedDescription])
        default:
            let nsError = error as NSError
            reason = nsError.code == NSURLErrorCannotConnectToHost ? L(.cliNetRefused) : error.localizedDescription
        }
        return CommandFailure(message: L(.cliServerUnreachable, ["address": base.absoluteString, "reason": reason]))
    }
}

/// No body, or an answer with nothing to read (204).
struct Empty: Codable {}

/// The answer of one request, filled in on URLSession's queue and read after the wait.
private final class AnswerBox: @unchecked Sendable {
    var data: Data?
    var response: URLResponse?
    var error: (any Error)?
}
