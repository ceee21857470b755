"""Where `cmake --install` puts the module (python/site_dir.py), and the installed module itself.

CMAKE_COMMAND and FRNEWS_BUILD_DIR name the cmake that installs and the build to install from.
"""
import os
import site
import subprocess
import sys
import sysconfig
import tempfile
import unittest

from site_dir import site_dir


class SiteDirTest(unittest.TestCase):
    def test_the_interpreters_prefixes_give_its_own_package_folder(self):
        # Debian's python3 imports local packages from /usr/local/lib/python3.X/dist-packages: the
        # prefixes /usr/local and /usr both lead there; a virtual environment's prefix leads to
        # its site-packages.
        platlib = os.path.abspath(sysconfig.get_path("platlib"))
        self.assertIn(platlib, [os.path.abspath(p) for p in sys.path])
        for prefix in {sys.exec_prefix, os.path.dirname(os.path.dirname(os.path.dirname(platlib)))}:
            with self.subTest(prefix=prefix):
                self.assertEqual(os.path.join(prefix, site_dir(prefix)), platlib)

    def test_the_user_base_gives_the_user_site(self):
        # --prefix ~/.local: Python finds the module there by itself, in the user's site folder.
        prefix = site.getuserbase()
        self.assertEqual(os.path.join(prefix, site_dir(prefix)), site.getusersitepackages())

    def test_another_prefix_gets_a_folder_inside_it(self):
        with tempfile.TemporaryDirectory() as prefix:
            folder = site_dir(prefix)
            self.assertFalse(os.path.isabs(folder))
            self.assertNotIn("..", folder.split(os.sep))
            self.assertRegex(folder, r"python3\.\d+.(site|dist)-packages$")


class InstalledModuleTest(unittest.TestCase):
    def test_import_from_the_installed_folder(self):
        script = ("import frnews; text = '« Le budget sera tenu », a assuré Bruno Le Maire.'; "
                  "quote = frnews.Analyzer().analyze(text)['quotes'][0]; "
                  "print(frnews.__file__); print(quote['speaker']['name'])")
        with tempfile.TemporaryDirectory() as prefix, tempfile.TemporaryDirectory() as elsewhere:
            subprocess.run([os.environ["CMAKE_COMMAND"], "--install", os.environ["FRNEWS_BUILD_DIR"],
                            "--prefix", prefix, "--component", "python"], capture_output=True, check=True)
            folder = os.path.join(prefix, site_dir(prefix))
            environment = dict(os.environ, PYTHONPATH=folder)
            done = subprocess.run([sys.executable, "-c", script], env=environment, cwd=elsewhere,
                                  capture_output=True, encoding="utf-8", check=True)
        module_file, speaker = done.stdout.splitlines()
        self.assertEqual(os.path.dirname(os.path.abspath(module_file)), os.path.abspath(folder))
        self.assertEqual(speaker, "Bruno Le Maire")


if __name__ == "__main__":
    unittest.main()
