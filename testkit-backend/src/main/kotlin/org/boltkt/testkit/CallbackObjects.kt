package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject
import org.boltkt.client.auth.AuthTokenManager
import org.boltkt.client.auth.AuthTokenManagers
import org.boltkt.client.auth.ExpiringAuthToken
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.bookmark.BookmarkManagers
import org.boltkt.client.error.BoltException
import org.boltkt.protocol.message.AuthToken

/** Bookmark managers and auth token managers whose callbacks are answered by the frontend. */
object CallbackObjects {
    fun newBookmarkManager(b: Backend, d: JsonObject) {
        val id = b.newId()
        val supplier: (suspend () -> Set<Bookmark>)? = if (d.boolOrNull("bookmarksSupplierRegistered") == true) {
            {
                val answer = b.callback { rid -> "BookmarksSupplierRequest" to obj("id" to rid, "bookmarkManagerId" to id) }
                Bookmark.setOf(answer.strings("bookmarks").orEmpty())
            }
        } else {
            null
        }
        val consumer: (suspend (Set<Bookmark>) -> Unit)? = if (d.boolOrNull("bookmarksConsumerRegistered") == true) {
            { bookmarks ->
                b.callback { rid ->
                    "BookmarksConsumerRequest" to obj("id" to rid, "bookmarkManagerId" to id, "bookmarks" to bookmarks.map { it.value })
                }
            }
        } else {
            null
        }
        b.bookmarkManagers[id] = BookmarkManagers.default(Bookmark.setOf(d.strings("initialBookmarks").orEmpty()), supplier, consumer)
        b.send("BookmarkManager", obj("id" to id))
    }

    fun closeBookmarkManager(b: Backend, d: JsonObject) {
        val id = d.id("id")
        b.bookmarkManagers.remove(id)
        b.send("BookmarkManager", obj("id" to id))
    }

    private fun authOf(answer: JsonObject): AuthToken =
        Auth.toToken(answer.objOrNull("auth") ?: throw BadRequestException("callback answer without 'auth'"))

    fun newAuthTokenManager(b: Backend) {
        val id = b.newId()
        b.authManagers[id] = object : AuthTokenManager {
            override suspend fun getToken(): AuthToken =
                authOf(b.callback { rid -> "AuthTokenManagerGetAuthRequest" to obj("id" to rid, "authTokenManagerId" to id) })

            override fun handleSecurityException(token: AuthToken, error: BoltException): Boolean {
                val answer = b.blockingCallback { rid ->
                    "AuthTokenManagerHandleSecurityExceptionRequest" to
                        obj("id" to rid, "authTokenManagerId" to id, "auth" to Auth.toJson(token), "errorCode" to error.code)
                }
                return answer.boolOrNull("handled") == true
            }
        }
        b.send("AuthTokenManager", obj("id" to id))
    }

    fun newBasicAuthTokenManager(b: Backend) {
        val id = b.newId()
        b.authManagers[id] = AuthTokenManagers.basic {
            authOf(b.callback { rid -> "BasicAuthTokenProviderRequest" to obj("id" to rid, "basicAuthTokenManagerId" to id) })
        }
        b.send("BasicAuthTokenManager", obj("id" to id))
    }

    fun newBearerAuthTokenManager(b: Backend) {
        val id = b.newId()
        b.authManagers[id] = AuthTokenManagers.bearer(clock = b.fakeTime.clock) {
            val answer = b.callback { rid -> "BearerAuthTokenProviderRequest" to obj("id" to rid, "bearerAuthTokenManagerId" to id) }
            val withExpiry = answer.objOrNull("auth")?.let { it.objOrNull("data") ?: it }
                ?: throw BadRequestException("BearerAuthTokenProviderCompleted without 'auth'")
            val token = authOf(withExpiry)
            val expiresAt = withExpiry.longOrNull("expiresInMs")?.let { b.fakeTime.clock.instant().plusMillis(it) }
            ExpiringAuthToken(token, expiresAt)
        }
        b.send("BearerAuthTokenManager", obj("id" to id))
    }

    fun closeAuthTokenManager(b: Backend, d: JsonObject) {
        val id = d.id("id")
        b.authManagers.remove(id)
        b.send("AuthTokenManager", obj("id" to id))
    }
}
