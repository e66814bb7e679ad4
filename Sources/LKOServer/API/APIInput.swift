import Foundation
import Hummingbird
import LKOApplication

/// Reading what an API client sent: JSON bodies (415 for anything else), query parameters with
/// field-named errors.
enum APIInput {
    static func json<T: Decodable>(_ type: T.Type, _ request: Request, context: LKORequestContext) async throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw AppError(.invalid, code: "unsupported_media_type", message: "Тело запроса должно быть JSON (Content-Type: application/json).")
        }
        let buffer = try await body(request, upTo: context.maxUploadSize)
        return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    }

    /// The whole body, at most `limit` bytes: more is 413 (`collect(upTo:)` throws NIO's
    /// `NIOTooManyBytesError`, an `HTTPResponseError` but not an `HTTPError`).
    static func body(_ request: Request, upTo limit: Int) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw HTTPError(.contentTooLarge)
        }
    }

    static func string(_ request: Request, _ name: String, maxLength: Int = 200) throws -> String? {
        guard let value = request.uri.queryParameters.get(name) else { return nil }
        guard value.count <= maxLength else { throw AppError.invalid("Параметр «\(name)» слишком длинный.", field: name) }
        return value.isEmpty ? nil : value
    }

    /// The largest magnitude an integer parameter may have: pages, days and counts are far
    /// smaller, and the use cases may multiply them (`(page - 1) * per_page`) without overflow.
    static let maximumInteger = 1_000_000_000

    static func int(_ request: Request, _ name: String, default defaultValue: Int) throws -> Int {
        guard let text = request.uri.queryParameters.get(name), !text.isEmpty else { return defaultValue }
        guard let value = Int(text) else { throw AppError.invalid("Параметр «\(name)» должен быть целым числом.", field: name) }
        guard value.magnitude <= UInt(maximumInteger) else { throw AppError.invalid("Параметр «\(name)» слишком велик.", field: name) }
        return value
    }

    static func parameter(_ context: LKORequestContext, _ name: String) throws -> String {
        guard let value = context.parameters.get(name) else { throw AppError.notFound }
        return value
    }
}
