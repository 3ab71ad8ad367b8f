package org.campusmirror.bench.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;

/**
 * Looks at the path of the upgrade request and installs the WebSocket protocol handler with
 * the matching endpoint ({@code /echo} or {@code /broadcast}), then steps out of the pipeline.
 * Any other path gets 404 and the connection is closed.
 */
final class EndpointRouter extends ChannelInboundHandlerAdapter {

    private final ServerOptions options;
    private final ChannelHandler broadcast;

    EndpointRouter(ServerOptions options, ChannelHandler broadcast) {
        this.options = options;
        this.broadcast = broadcast;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        ChannelHandler endpoint = switch (path) {
            case "/echo" -> new EchoHandler();
            case "/broadcast" -> broadcast;
            default -> null;
        };
        if (endpoint == null) {
            request.release();
            notFound(ctx);
            return;
        }
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addAfter(ctx.name(), "ws-protocol", new WebSocketServerProtocolHandler(protocolConfig(path)));
        // Both references hand whole messages to the endpoint, as `ws` does; unfragmented
        // frames pass the aggregator untouched.
        pipeline.addAfter("ws-protocol", "ws-aggregator", new WebSocketFrameAggregator(options.maxPayload()));
        pipeline.addAfter("ws-aggregator", "endpoint", endpoint);
        pipeline.remove(this);
        ctx.fireChannelRead(request);
    }

    private WebSocketServerProtocolConfig protocolConfig(String path) {
        WebSocketDecoderConfig decoder = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(options.maxPayload())
                .allowExtensions(options.deflate()) // RSV1 is legal only with permessage-deflate
                .build();
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(path)
                .decoderConfig(decoder)
                .build();
    }

    private static void notFound(ChannelHandlerContext ctx) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                Unpooled.copiedBuffer("WebSocket endpoints: /echo, /broadcast\n", StandardCharsets.US_ASCII));
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
