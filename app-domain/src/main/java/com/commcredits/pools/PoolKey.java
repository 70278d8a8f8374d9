package com.commcredits.pools;

import com.commcredits.catalog.PoolKind;

/** One pool: a country and a kind. */
public record PoolKey(String country, PoolKind kind) {}
