package org.boltkt.client.session

import io.kotest.matchers.shouldBe
import org.junit.jupiter.api.Test

/** The PULL sizes a result asks for: doubling from the fetch size up to its growth limit, only with fetch-ahead. */
class PullSizesTest {
    private fun PullSizes.take(count: Int): List<Long> = listOf(first) + List(count - 1) { next() }

    @Test
    fun `with fetch-ahead sizes double from the fetch size up to fetchSize times growth`() {
        PullSizes(1000, ahead = true, growth = 8).take(6) shouldBe listOf(1000L, 2000L, 4000L, 8000L, 8000L, 8000L)
        PullSizes(3, ahead = true, growth = 5).take(5) shouldBe listOf(3L, 6L, 12L, 15L, 15L)
    }

    @Test
    fun `growth 1 or no fetch-ahead keep every PULL at the fetch size`() {
        PullSizes(1000, ahead = true, growth = 1).take(4) shouldBe listOf(1000L, 1000L, 1000L, 1000L)
        PullSizes(1000, ahead = false, growth = 8).take(4) shouldBe listOf(1000L, 1000L, 1000L, 1000L)
    }

    @Test
    fun `pulling everything stays everything, and a huge fetch size does not overflow`() {
        PullSizes(-1, ahead = true, growth = 8).take(3) shouldBe listOf(-1L, -1L, -1L)
        val sizes = PullSizes(1000, ahead = true, growth = 8)
        sizes.next() shouldBe 2000L
        sizes.all()
        sizes.next() shouldBe -1L
        val q = Long.MAX_VALUE / 4
        PullSizes(q, ahead = true, growth = 8).take(5) shouldBe listOf(q, q * 2, q * 4, Long.MAX_VALUE, Long.MAX_VALUE)
    }
}
