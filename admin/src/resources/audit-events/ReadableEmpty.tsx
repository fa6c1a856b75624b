import { Box } from '@mui/material';
import { Empty } from 'react-admin';

/**
 * react-admin's empty-list page, with its message in the theme's secondary text colour: react-admin
 * greys it out to `text.disabled`, below the contrast text needs (axe `color-contrast`).
 */
export const ReadableEmpty = () => (
  <Box sx={{ flex: 1, display: 'flex', '&& .RaEmpty-message': { color: 'text.secondary' } }}>
    <Empty />
  </Box>
);
