import { villageType } from '@lindung/domain';
import { Typography } from '@mui/material';
import { FormDataConsumer, useTranslate } from 'react-admin';
import { regionCode } from '../../common/validators';

/** The API derives a village's type from its code (1… kelurahan, 2… desa); shown as the user types. */
export const VillageTypeHint = () => {
  const translate = useTranslate();
  return (
    <FormDataConsumer<{ code?: string }>>
      {({ formData }) =>
        formData.code && !regionCode('VILLAGE')(formData.code) ? (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('lindung.village.type_from_code', {
              type: translate(`lindung.village_type.${villageType(formData.code)}`),
            })}
          </Typography>
        ) : null
      }
    </FormDataConsumer>
  );
};
