import NIOCore
import NIOHTTP1

/// Writes the request once the connection is up and gathers the answer until its end.
final class AnswerCollector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let head: HTTPRequestHead
    private let body: [UInt8]
    private let answer: EventLoopPromise<HTTPAnswer>
    private var received: HTTPResponseHead?
    private var bytes = ByteBuffer()

    init(head: HTTPRequestHead, body: [UInt8], answer: EventLoopPromise<HTTPAnswer>) {
        self.head = head
        self.body = body
        self.answer = answer
    }

    func channelActive(context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            received = head
        case .body(var part):
            guard bytes.readableBytes + part.readableBytes <= HTTPExchange.largestAnswer else {
                return fail(context, HTTPClientError(.broken, "the answer is larger than \(HTTPExchange.largestAnswer >> 20) MiB; nothing was kept"))
            }
            bytes.writeBuffer(&part)
        case .end:
            guard let received else { return fail(context, HTTPClientError(.broken, "an answer without a status line")) }
            let headers = received.headers.map { (name: $0.name, value: $0.value) }
            answer.succeed(HTTPAnswer(status: Int(received.status.code), headers: headers, body: Array(bytes.readableBytesView)))
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        fail(context, HTTPClientError.from(error))
    }

    func channelInactive(context: ChannelHandlerContext) {
        answer.fail(HTTPClientError(.broken, "the connection closed before the whole answer came"))
        context.fireChannelInactive()
    }

    private func fail(_ context: ChannelHandlerContext, _ error: HTTPClientError) {
        answer.fail(error)
        context.close(promise: nil)
    }
}
