package cn.anju.shared.privacy;

import java.util.function.UnaryOperator;

/**
 * A column of {@link BlindIndex} values, declared as a bean by the module that owns the table so that re-encryption
 * can recompute every index under the active suite from the encrypted value it indexes.
 *
 * @param table         table name
 * @param idColumn      its primary key column (a bigint)
 * @param column        the index column
 * @param purpose       the purpose the index was computed with
 * @param sourceColumn  the encrypted column holding the indexed value
 * @param sourcePurpose the purpose that value was encrypted with
 * @param derive        from the decrypted value to what is indexed (a normalisation, the last four digits)
 */
public record BlindIndexColumn(String table, String idColumn, String column, String purpose, String sourceColumn,
                               String sourcePurpose, UnaryOperator<String> derive) {

    public BlindIndexColumn {
        new EncryptedColumn(table, idColumn, column, purpose); // checks the identifiers
        new EncryptedColumn(table, idColumn, sourceColumn, sourcePurpose);
    }
}
