/** Implementation of the engine that is not API: the streaming frame decoder, header encoding, handshake helpers. */
package org.campusmirror.ws.protocol.internal;
