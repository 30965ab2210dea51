package cn.anju.shared.privacy;

/**
 * A column holding {@link FieldCipher} values, declared as a bean by the module that owns the table so that key
 * rotation finds every encrypted value.
 *
 * @param table    table name
 * @param idColumn its primary key column (a bigint)
 * @param column   the encrypted column
 * @param purpose  the associated data the values were encrypted with
 */
public record EncryptedColumn(String table, String idColumn, String column, String purpose) {

    public EncryptedColumn {
        for (String identifier : new String[]{table, idColumn, column}) {
            if (!identifier.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("invalid SQL identifier: " + identifier);
            }
        }
    }
}
