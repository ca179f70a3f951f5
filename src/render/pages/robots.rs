//! `robots.txt`: lets every crawler in and names the sitemap (made by
//! `publish`); not made when the site has its own in `static/`.

use super::DataFile;
use crate::render::publish::{base, robots};

pub(super) const ROBOTS: DataFile = DataFile {
    path: "robots.txt",
    made: |site| !site.static_robots,
    write: |file, out| out.write_all(&robots(base(&file.views.dossier.config).as_deref())),
};
