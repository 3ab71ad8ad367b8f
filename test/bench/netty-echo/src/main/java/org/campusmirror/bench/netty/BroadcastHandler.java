package org.campusmirror.bench.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelMatchers;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * {@code /broadcast}: each data message is sent to every open connection on this path, the
 * sender included. The frame is written to the group once; the group hands every channel a
 * {@code retainedDuplicate()}, so the payload bytes are shared, never copied per receiver.
 */
@ChannelHandler.Sharable
final class BroadcastHandler extends ChannelInboundHandlerAdapter {

    private final ChannelGroup receivers;

    BroadcastHandler(ChannelGroup receivers) {
        this.receivers = receivers;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            receivers.add(ctx.channel()); // the group forgets closed channels by itself
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
            // The group duplicates per channel and releases msg when done; void promises skip
            // one future per receiver.
            receivers.write(msg, ChannelMatchers.all(), true);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        receivers.flush(); // one flush per read batch of the sender, not per message
        ctx.fireChannelReadComplete();
    }
}
