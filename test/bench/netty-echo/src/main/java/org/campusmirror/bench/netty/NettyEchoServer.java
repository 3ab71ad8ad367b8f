package org.campusmirror.bench.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import io.netty.util.Version;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Netty 4.2 reference server for the benchmark: {@code /echo} and {@code /broadcast} with the
 * stock {@code WebSocketServerProtocolHandler} (RFC 6455) and, with {@code --deflate}, the stock
 * {@code WebSocketServerCompressionHandler} (RFC 7692 permessage-deflate).
 *
 * <pre>java -jar target/netty-echo.jar --port 9002 [--deflate] [--io-threads 1] [--transport nio|epoll]</pre>
 */
public final class NettyEchoServer {

    private static final int MAX_HANDSHAKE_BYTES = 64 * 1024;

    private NettyEchoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("netty reference: " + e.getMessage());
            System.exit(2);
            return;
        }
        boolean epoll = options.transport().equals("epoll");
        IoHandlerFactory ioHandler = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.ioThreads(), ioHandler);
        ChannelGroup broadcastReceivers = new DefaultChannelGroup("broadcast", GlobalEventExecutor.INSTANCE);
        BroadcastHandler broadcast = new BroadcastHandler(broadcastReceivers);

        Channel server = new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline pipeline = ch.pipeline();
                        pipeline.addLast(new HttpServerCodec());
                        pipeline.addLast(new HttpObjectAggregator(MAX_HANDSHAKE_BYTES));
                        if (options.deflate()) {
                            pipeline.addLast(new WebSocketServerCompressionHandler(options.maxPayload()));
                        }
                        pipeline.addLast(new EndpointRouter(options, broadcast));
                    }
                })
                .bind(options.host(), options.port()).sync().channel();

        // Safety net: the process ends by itself even if whoever started it dies.
        group.schedule(() -> {
            System.err.println("netty reference: max-seconds " + options.maxSeconds() + " reached, exiting");
            System.exit(3);
        }, options.maxSeconds(), TimeUnit.SECONDS);

        int port = ((InetSocketAddress) server.localAddress()).getPort();
        String nettyVersion = Version.identify().get("netty-codec-http").artifactVersion();
        System.out.println("netty reference ready on port " + port + " (netty " + nettyVersion
                + ", transport " + options.transport() + ", io threads " + options.ioThreads()
                + ", deflate " + (options.deflate() ? "on" : "off") + ", java " + Runtime.version() + ")");
        server.closeFuture().sync();
    }
}
