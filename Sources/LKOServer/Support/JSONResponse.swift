import Foundation
import Hummingbird

/// JSON bodies: UTF-8, keys as the types declare them (snake_case), never cached.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func noContent() -> Response {
        Response(status: .noContent)
    }
}

/// `{"ok": true}`-style small answers.
struct Acknowledgement: Encodable {
    var ok = true
    var message: String
}
