package cn.anju.identity;

import cn.anju.shared.web.ProblemException;

/**
 * Password complexity of MLPS 2.0 level 3: at least 8 characters from at least 3 of the classes upper case,
 * lower case, digits and symbols, or stricter where a district's {@link SecurityPolicy} says so.
 */
record PasswordPolicy(int minLength, int minClasses) {

    void check(String password, String username) {
        if (password == null || password.length() < minLength) {
            throw ProblemException.badRequest("PASSWORD_TOO_SHORT", "密码至少需要 " + minLength + " 位。");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < minClasses) {
            throw ProblemException.badRequest("PASSWORD_TOO_SIMPLE",
                    "密码需包含大写字母、小写字母、数字、符号中的至少 " + minClasses + " 类。");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            throw ProblemException.badRequest("PASSWORD_CONTAINS_USERNAME", "密码不能包含用户名。");
        }
    }
}
