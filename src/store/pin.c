/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PIN, kept only as an Argon2id hash (libsodium's crypto_pwhash_str) in
 * the settings table. Verifying costs about a tenth of a second by design;
 * the growing waits between wrong attempts are the core's (pinpad.c). */
#include <sodium.h>
#include <string.h>

#include "lull/setting_keys.h"
#include "store_internal.h"

static StoreStatus ready(Store *store)
{
    if (sodium_init() < 0)
        return store_fail_message(store, STORE_ERROR, "libsodium could not start");
    return STORE_OK;
}

StoreStatus store_pin_set(Store *store, const char *pin)
{
    if (!pin[0])
        return store_setting_set(store, setting_key(KEY_PIN_HASH), "");
    if (!pin_valid(pin))
        return store_fail_message(store, STORE_ERROR, "a PIN is 4 to 6 digits");
    StoreStatus status = ready(store);
    if (status != STORE_OK)
        return status;
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return store_fail_message(store, STORE_ERROR, "not enough memory to hash the PIN");
    status = store_setting_set(store, setting_key(KEY_PIN_HASH), hash);
    sodium_memzero(hash, sizeof hash);
    return status;
}

static StoreStatus read_hash(Store *store, char *hash, size_t size, int *is_set)
{
    *is_set = 0;
    StoreStatus status = store_setting_get(store, setting_key(KEY_PIN_HASH), hash, size);
    if (status == STORE_NOT_FOUND)
        return STORE_OK;
    if (status == STORE_OK)
        *is_set = hash[0] != '\0';
    return status;
}

StoreStatus store_pin_state(Store *store, int *is_set)
{
    char hash[crypto_pwhash_STRBYTES];
    return read_hash(store, hash, sizeof hash, is_set);
}

StoreStatus store_pin_verify(Store *store, const char *pin, int *match)
{
    char hash[crypto_pwhash_STRBYTES];
    int is_set = 0;
    *match = 0;
    StoreStatus status = read_hash(store, hash, sizeof hash, &is_set);
    if (status != STORE_OK || !is_set)
        return status;
    status = ready(store);
    if (status == STORE_OK)
        *match = crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
    return status;
}
