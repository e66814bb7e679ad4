import Crypto
import Foundation
import Hummingbird
import Mustache

/// The console's templates (`Templates/*.mustache`, loaded once from the bundle) and static
/// files (`Static/`, served from memory with a cache header). Every `{{value}}` is HTML-escaped
/// by the template engine; the templates never use `{{{…}}}`.
final class PageRenderer: Sendable {
    static let shared = PageRenderer()

    let library: MustacheLibrary
    let statics: [String: (bytes: [UInt8], type: String)]
    /// Short hash of the static files, appended to their URLs so a new release is fetched anew.
    let staticVersion: String

    init() {
        var library = MustacheLibrary()
        var statics: [String: (bytes: [UInt8], type: String)] = [:]
        let manager = FileManager.default
        if let folder = Bundle.module.url(forResource: "Templates", withExtension: nil),
           let names = try? manager.contentsOfDirectory(atPath: folder.path) {
            for name in names.sorted() where name.hasSuffix(".mustache") {
                guard let data = manager.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
                do {
                    try library.register(String(decoding: data, as: UTF8.self), named: String(name.dropLast(".mustache".count)))
                } catch {
                    // A broken template is a programming error caught by the browser tests; the
                    // page then renders as the error text rather than crashing the server.
                    try? library.register("Шаблон \(name) не разобран: \(error)", named: String(name.dropLast(".mustache".count)))
                }
            }
        }
        var hasher = SHA256()
        if let folder = Bundle.module.url(forResource: "Static", withExtension: nil),
           let names = try? manager.contentsOfDirectory(atPath: folder.path) {
            for name in names.sorted() where !name.hasPrefix(".") {
                guard let data = manager.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
                let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : name.hasSuffix(".js") ? "text/javascript; charset=utf-8"
                    : name.hasSuffix(".svg") ? "image/svg+xml" : name.hasSuffix(".png") ? "image/png" : "application/octet-stream"
                statics[name] = (Array(data), type)
                hasher.update(data: data)
            }
        }
        self.library = library
        self.statics = statics
        self.staticVersion = String(hasher.finalize().map { String(format: "%02x", $0) }.joined().prefix(10))
    }

    /// The HTML of `template` over `data`.
    func html(_ template: String, _ data: [String: Any]) -> String {
        library.render(Self.compact(data), withTemplate: template) ?? "Нет шаблона «\(template)»."
    }

    /// Mustache treats an empty string as true in `{{#x}}`; the pages mean "absent". Empty
    /// strings are dropped, so `{{#x}}…{{/x}}` shows only for a value and `{{x}}` prints nothing.
    static func compact(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            var result: [String: Any] = [:]
            for (key, item) in dictionary {
                if let text = item as? String, text.isEmpty { continue }
                result[key] = compact(item)
            }
            return result
        case let list as [[String: Any]]:
            return list.map { compact($0) }
        case let list as [Any]:
            return list.map { compact($0) }
        default:
            return value
        }
    }

    func response(_ template: String, _ data: [String: Any], status: HTTPResponse.Status = .ok, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        for cookie in cookies { headers.append(.init(name: .setCookie, value: cookie)) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html(template, data))))
    }

    func staticFile(_ name: String) -> Response? {
        guard let file = statics[name] else { return nil }
        return Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=86400"],
                        body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}

/// Answers that send the browser elsewhere.
enum Redirect {
    /// 303: after a POST, the browser GETs the next page (POST-redirect-GET).
    static func to(_ location: String, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.location: location]
        for cookie in cookies { headers.append(.init(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }
}

/// A one-time message shown on the next page (after a redirect), carried in a short-lived
/// cookie. It is shown escaped like every other value.
enum Flash {
    static let name = "lko_flash"

    static func setting(_ message: String, kind: String = "ok") -> String {
        let value = (kind + ":" + message).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict; Max-Age=120"
    }

    static let clearing = "\(name)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

    /// The message of the request, if any: (kind, text).
    static func read(_ request: Request) -> (kind: String, text: String)? {
        guard let raw = request.cookies[name]?.value, !raw.isEmpty, let text = raw.removingPercentEncoding else { return nil }
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, ["ok", "warn", "error"].contains(parts[0]) else { return nil }
        return (String(parts[0]), String(parts[1].prefix(600)))
    }
}
