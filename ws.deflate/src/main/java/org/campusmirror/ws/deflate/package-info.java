/** RFC 7692 permessage-deflate, an extension for the ws.protocol engine. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.campusmirror.ws.deflate;
