package news.broadsheet.auth;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role by its wire name ({@code editor}, {@code admin}). */
@Converter
class TokenRoleColumn implements AttributeConverter<TokenRole, String> {
    @Override
    public String convertToDatabaseColumn(TokenRole role) {
        return role == null ? null : role.wireName();
    }

    @Override
    public TokenRole convertToEntityAttribute(String value) {
        return value == null ? null : TokenRole.of(value);
    }
}
