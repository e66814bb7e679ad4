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
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    }

    static func string(_ request: Request, _ name: String, maxLength: Int = 200) throws -> String? {
        guard let value = request.uri.queryParameters.get(name) else { return nil }
        guard value.count <= maxLength else { throw AppError.invalid("Параметр «\(name)» слишком длинный.", field: name) }
        return value.isEmpty ? nil : value
    }

    static func int(_ request: Request, _ name: String, default defaultValue: Int) throws -> Int {
        guard let text = request.uri.queryParameters.get(name), !text.isEmpty else { return defaultValue }
        guard let value = Int(text) else { throw AppError.invalid("Параметр «\(name)» должен быть целым числом.", field: name) }
        return value
    }

    static func parameter(_ context: LKORequestContext, _ name: String) throws -> String {
        guard let value = context.parameters.get(name) else { throw AppError.notFound }
        return value
    }
}
