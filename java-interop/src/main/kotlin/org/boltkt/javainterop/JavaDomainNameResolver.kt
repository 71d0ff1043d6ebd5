package org.boltkt.javainterop

import java.net.InetAddress
import java.net.UnknownHostException

/**
 * Replaces DNS for a [JavaDriver] (see [org.boltkt.client.DriverConfig.domainNameResolver]), e.g.
 * `name -> List.of(InetAddress.getByName("10.0.0.5"))`. Given to [JavaDriverConfig.Builder.withDomainNameResolver].
 */
public fun interface JavaDomainNameResolver {
    /**
     * The IP addresses to try for host [name], in order (IP literals are passed too, IPv6 without brackets).
     * May block: the driver calls it on `Dispatchers.IO` and interrupts it when the connect is cancelled. Must
     * be thread-safe. Throwing, or returning an empty list, fails that connect attempt like an unknown host.
     */
    @Throws(UnknownHostException::class)
    public fun resolve(name: String): List<InetAddress>
}
