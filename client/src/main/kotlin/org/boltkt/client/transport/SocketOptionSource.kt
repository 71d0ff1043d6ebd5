package org.boltkt.client.transport

import java.net.SocketOption

/** Read access to the socket options of the channel under a transport; lets tests check what a factory set. */
internal interface SocketOptionSource {
    /** The current value of [option] on the underlying socket. */
    fun <T> socketOption(option: SocketOption<T>): T
}
