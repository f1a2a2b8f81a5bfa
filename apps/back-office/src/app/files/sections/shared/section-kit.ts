import { MatAnchor, MatButton } from '@angular/material/button';
import {
  MatExpansionPanel,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
} from '@angular/material/expansion';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';

/** What every section panel of the file page uses: a component lists this, then its own extras. */
export const SECTION_KIT = [
  RouterLink,
  MatAnchor,
  MatButton,
  MatExpansionPanel,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
  MatProgressBar,
] as const;
