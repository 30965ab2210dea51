package cn.anju.shared.crypto;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The keys a provider has loaded at start, looked up by id or algorithm; the providers differ only in loading them. */
abstract class KeyRing implements KeyProvider {

    protected final Map<String, FieldKey> fieldKeys = new HashMap<>();
    protected final Map<HashAlgorithm, IndexKey> indexKeys = new EnumMap<>(HashAlgorithm.class);

    @Override
    public Optional<FieldKey> fieldKey(String id) {
        return Optional.ofNullable(fieldKeys.get(id));
    }

    @Override
    public Set<String> fieldKeyIds() {
        return Set.copyOf(fieldKeys.keySet());
    }

    @Override
    public Optional<IndexKey> indexKey(HashAlgorithm algorithm) {
        return Optional.ofNullable(indexKeys.get(algorithm));
    }
}
