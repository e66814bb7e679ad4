import Foundation
import Hummingbird

/// Every route the server answers, as the OpenAPI document names them (`/api/v1/cases/{number}`).
/// It registers each route with the router, answers "which methods does this path have" for
/// 405s, and lets a test compare the server with `docs/api/openapi.yaml`.
public final class RouteTable: @unchecked Sendable {
    public struct Entry: Sendable, Hashable {
        public var method: HTTPRequest.Method
        public var path: String
    }

    private let lock = NSLock()
    private var list: [Entry] = []

    public init() {}

    public var entries: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }

    func record(_ method: HTTPRequest.Method, _ path: String) {
        lock.lock()
        list.append(Entry(method: method, path: path))
        lock.unlock()
    }

    /// The methods registered for the pattern that matches `path`.
    func methods(matching path: String) -> [HTTPRequest.Method] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return entries.filter { entry in
            let pattern = entry.path.split(separator: "/", omittingEmptySubsequences: true)
            guard pattern.count == parts.count else { return false }
            return zip(pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method)
    }

    /// `{name}` (OpenAPI) → `:name` (Hummingbird).
    static func routerPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }
}

/// Registers handlers on a router group and in the route table together.
struct Routes {
    typealias Handler = @Sendable (Request, LKORequestContext) async throws -> Response
    let group: RouterGroup<LKORequestContext>
    let table: RouteTable
    /// Prefix of the group, as the table records paths in full.
    let prefix: String

    func on(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        table.record(method, prefix + path)
        group.on(RouterPath(RouteTable.routerPath(path)), method: method) { request, context in
            try await handler(request, context)
        }
    }

    func get(_ path: String, _ handler: @escaping Handler) { on(.get, path, handler) }
    func post(_ path: String, _ handler: @escaping Handler) { on(.post, path, handler) }
}
